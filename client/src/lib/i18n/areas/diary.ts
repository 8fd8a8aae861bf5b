// Messages of the diary pages (issue 6). Russian is the source of truth; English must match it.
export const ru = {};

export const en: typeof ru = {};
