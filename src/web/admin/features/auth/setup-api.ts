import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';

export interface SetupInput {
  orgName: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

export interface SetupResult {
  userId: number;
  username: string;
  orgId: number;
  orgName: string;
}

/** Whether the system still needs its first administrator (no account exists yet). */
export const useSetupState = () =>
  useQuery({
    queryKey: ['setup'],
    queryFn: () => api<{ needed: boolean }>('GET', '/api/v1/setup'),
    staleTime: 30_000,
  });

export const runSetup = (input: SetupInput) => api<SetupResult>('POST', '/api/v1/setup', input);
