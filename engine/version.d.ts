export declare const TOOL_NAME = "ocpp-bench";
export declare const TOOL_VERSION = "0.1.0";
