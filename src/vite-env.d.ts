/// <reference types="vite/client" />
declare const __BENCH__: boolean;
