// Picks the behaviour model for an OCPP version.
import type { OcppVersion } from '../../api/model';
import type { ChargerModel, ModelContext, ModelOptions } from './model';
import { ChargePoint16 } from './v16/model';

export function createModel(version: OcppVersion, ctx: ModelContext, options: ModelOptions): ChargerModel {
  switch (version) {
    case '1.6':
      return new ChargePoint16(ctx, options);
    default:
      throw new Error(`OCPP ${version} is not simulated yet`);
  }
}
