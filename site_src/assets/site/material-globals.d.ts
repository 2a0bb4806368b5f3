// The globals through which Material for MkDocs keeps the reader's preferences (theme-scope.js
// defines them; the theme's bundle and theme-palette.js use them).
interface Window {
  __md_scope: URL;
  __md_hash(text: string): number;
  __md_get(key: string, storage?: Storage, base?: URL): any;
  __md_set(key: string, value: unknown, storage?: Storage, base?: URL): void;
}
declare function __md_get(key: string, storage?: Storage, base?: URL): any;
