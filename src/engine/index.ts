export * from './types';
export { diagnose } from './diagnose';
export { isRefusal, statusVerdict, hasMarkerHeader, isBlockingError } from './precheck';
export type { Signature, Marker } from './signature';
