import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { ApiError, api, setCsrfToken } from './api';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  dataScope: string;
  roles: string[];
  permissions: string[];
  pending: 'password_change' | 'totp' | 'totp_enrol' | null;
  totpEnabled: boolean;
  /** The last reset of the password by an administrator; `current` while the password is still that one. */
  passwordReset: { at: string; by: string; notice: string; current: boolean } | null;
  csrfToken: string;
}

const MeContext = createContext<{ me: Me | null; loading: boolean; refresh: () => Promise<unknown> }>({
  me: null,
  loading: true,
  refresh: async () => {},
});

export function MeProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api<Me>('GET', '/api/v1/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  useEffect(() => {
    const onOut = () => client.setQueryData(['me'], null);
    window.addEventListener('jiandu:signed-out', onOut);
    return () => window.removeEventListener('jiandu:signed-out', onOut);
  }, [client]);
  return (
    <MeContext.Provider value={{ me: q.data ?? null, loading: q.isLoading, refresh: () => q.refetch() }}>
      {children}
    </MeContext.Provider>
  );
}

export const useMe = () => useContext(MeContext);

/** Abilities from the server: the UI hides what the caller cannot do; the server refuses it anyway. */
export function useCan() {
  const { me } = useMe();
  return (permission: string) => !!me?.permissions.includes(permission);
}
