import { create } from 'zustand';

export const AREAS = ['wilayah', 'petugas', 'sinkronisasi', 'progres', 'sponline', 'zi', 'pengaturan'] as const;
export type AreaId = (typeof AREAS)[number];

export interface Route {
  area: AreaId;
  params: Record<string, string>;
}

/** "#/wilayah?kecamatan=33.16.01" ⇄ { area, params }: the URL keeps the place across reloads. */
export function parseHash(hash: string): Route {
  const [pathPart, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const area = (AREAS as readonly string[]).includes(pathPart) ? (pathPart as AreaId) : 'wilayah';
  return { area, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function formatHash(route: Route): string {
  const query = new URLSearchParams(route.params).toString();
  return `#/${route.area}${query ? `?${query}` : ''}`;
}

interface RouteState extends Route {
  go(area: AreaId, params?: Record<string, string>): void;
  setParam(key: string, value: string | null): void;
}

export const useRoute = create<RouteState>((set, get) => {
  const commit = (route: Route) => {
    set(route);
    const hash = formatHash(route);
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  window.addEventListener('hashchange', () => set(parseHash(window.location.hash)));
  return {
    ...parseHash(window.location.hash),
    go: (area, params = {}) => commit({ area, params }),
    setParam: (key, value) => {
      const params = { ...get().params };
      if (value === null || value === '') delete params[key];
      else params[key] = value;
      commit({ area: get().area, params });
    },
  };
});
