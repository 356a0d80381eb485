/** The fields a paged list sorts on (on the server, each with its index); the grid lets only these be sorted. */
export const SLS_SORTS = ['slsId', 'nama', 'estimatedHouseholds'] as const;
export type SlsSort = (typeof SLS_SORTS)[number];

export const OFFICER_SORTS = ['kode', 'nama', 'peran'] as const;
export type OfficerSort = (typeof OFFICER_SORTS)[number];
