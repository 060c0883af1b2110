import type { CommandArgs, CommandName, CommandResult } from '../api/commands';
import { ApiError } from '../api/errors';
import type { OcppVersion } from '../api/model';
export type Handler<K extends CommandName> = (args: CommandArgs<K>) => Promise<CommandResult<K>> | CommandResult<K>;
/** Handlers for the commands of one domain interface (e.g. EngineCommands). */
export type HandlerMap<C> = {
    [K in keyof C & CommandName]: Handler<K>;
};
export declare function badArgs(message: string): ApiError;
export declare function requireString(args: unknown, key: string): string;
export declare function optionalString(args: unknown, key: string): string | undefined;
export declare function optionalInt(args: unknown, key: string, min: number, max: number): number | undefined;
export declare function requireInt(args: unknown, key: string, min: number, max: number): number;
export declare function optionalVersion(args: unknown, key?: string): OcppVersion | undefined;
