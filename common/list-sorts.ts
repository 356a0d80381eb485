/** The fields a paged list sorts on (on the server, each with its index); the grid lets only these be sorted. */
export const SLS_SORTS = ['slsId', 'nama', 'estimatedHouseholds'] as const;
export type SlsSort = (typeof SLS_SORTS)[number];
