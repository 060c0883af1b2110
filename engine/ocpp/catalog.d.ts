import type { Direction, OcppVersion } from '../../api/model';
/** Who may initiate the action: the charger, the CSMS, or both (DataTransfer). */
export type Initiator = 'charger' | 'csms' | 'both';
export type Profile16 = 'Core' | 'FirmwareManagement' | 'LocalAuthListManagement' | 'Reservation' | 'SmartCharging' | 'RemoteTrigger' | 'Security';
export declare const PROFILES_16: readonly Profile16[];
export type Block = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S';
export declare const BLOCK_TITLES: Readonly<Record<Block, string>>;
export interface ActionInfo {
    action: string;
    version: OcppVersion;
    initiator: Initiator;
    /** 1.6 feature profile, or 2.x functional block letter. */
    group: Profile16 | Block;
    /** true for 2.1 SEND messages: no response exists. */
    unconfirmed?: boolean;
}
export declare function actionsOf(version: OcppVersion): ActionInfo[];
export declare function actionInfo(version: OcppVersion, action: string): ActionInfo | undefined;
/** The direction a CALL for this action travels when sent by `initiator`. */
export declare function directionOf(initiator: 'charger' | 'csms'): Direction;
/** Whether a CALL for `action` may travel in `dir` in this version. */
export declare function mayTravel(info: ActionInfo, dir: Direction): boolean;
