// The command map: every user action is a named command (request → response), declared
// once here and bound generically by every transport. Each domain declares its own
// commands in its own file; this map is their union.
import type { CaptureCommands } from './capture';
import type { ConformanceCommands } from './conformance';
import type { CsmsCommands } from './csms';
import type { EngineCommands } from './engine';
import type { FilterCommands } from './filter';
import type { JudgeCommands } from './judge';
import type { OcppCommands } from './ocpp';
import type { ProxyCommands } from './proxy';
import type { ReplayCommands } from './replay';
import type { SimCommands } from './sim';

export interface Commands extends EngineCommands, FilterCommands, CaptureCommands, ConformanceCommands, CsmsCommands, ProxyCommands, SimCommands, OcppCommands, JudgeCommands, ReplayCommands {}

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Commands[K]['args'];
export type CommandResult<K extends CommandName> = Commands[K]['result'];
