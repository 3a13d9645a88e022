// Source-key conventions shared by the catalog build (which must not load the generated JSON) and
// the CLI: seed rows ("S12") cite the 2020 edition of Synology's port table, and users are shown
// that document instead of the row key.

export const SEED_ROW = /^S(\d\d)$/;
export const SEED_SOURCE_KEY = 'KB20';
