// What the Freshworks serverless runtime gives an app's server.js, as far as the sample
// handlers use it. (An app would get these from @types/node and the platform.)
declare var exports: { [handler: string]: (payload: any) => void };
declare var console: { log(...data: unknown[]): void };
