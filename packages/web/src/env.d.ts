/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the HTTP API when it is not served from the same origin as the UI. */
  readonly VITE_FAZHI_API_URL?: string;
}
