/** The fields a paged list sorts on (on the server, each with its index); the grid lets only these be sorted. */
export const SLS_SORTS = ['slsId', 'nama', 'estimatedHouseholds'] as const;
export type SlsSort = (typeof SLS_SORTS)[number];

/** `sls` and `kk` (the load) are computed per officer and sorted whole: a regency has a few thousand officers at most. */
export const OFFICER_SORTS = ['kode', 'nama', 'peran', 'sls', 'kk'] as const;
export type OfficerSort = (typeof OFFICER_SORTS)[number];
