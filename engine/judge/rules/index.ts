// Every behaviour-rule module, in the order they judge a frame.
import type { RuleDefinition, RuleModule } from '../behaviour/types';
import { authorizationRules } from './authorization';
import { bootRules } from './boot';
import { chronologyRules } from './chronology';
import { configurationRules } from './configuration';
import { firmwareRules } from './firmware';
import { correlationRules } from './correlation';
import { heartbeatRules } from './heartbeat';
import { meterRules } from './meter';
import { remoteRules } from './remote';
import { securityRules } from './security';
import { transactions16Rules } from './transactions16';
import { transactions2xRules } from './transactions2x';

export const RULE_MODULES: readonly RuleModule[] = [
  correlationRules,
  bootRules,
  heartbeatRules,
  transactions16Rules,
  transactions2xRules,
  meterRules,
  chronologyRules,
  authorizationRules,
  remoteRules,
  configurationRules,
  firmwareRules,
  securityRules,
];

export const BEHAVIOUR_RULES: readonly RuleDefinition[] = RULE_MODULES.flatMap((m) => m.rules);
