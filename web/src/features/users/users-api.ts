import { type CreateUserRequest, pageOf, type Role, type updateUserRequest, userView, userWithPassword } from '@tcxd/contract';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../app/api-client.ts';
import { queryClient } from '../../app/query-client.ts';

const userPage = pageOf(userView);

export interface UsersListParams {
  readonly page: number;
  readonly pageSize: number;
  readonly q: string;
}

/** One page of the accounts in scope. */
export function usersQuery(params: UsersListParams) {
  return queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api.get('/api/users', userPage, { page: params.page, pageSize: params.pageSize, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface GrantInput {
  readonly role: Role;
  readonly unitId: string;
}

export const usersApi = {
  create: (body: CreateUserRequest) => api.post('/api/users', userWithPassword, body),
  update: (id: string, body: z.input<typeof updateUserRequest>) => api.patch(`/api/users/${id}`, userView, body),
  setGrants: (id: string, grants: readonly GrantInput[]) => api.put(`/api/users/${id}/grants`, userView, { grants }),
  disable: (id: string) => api.post(`/api/users/${id}/disable`, userView),
  enable: (id: string) => api.post(`/api/users/${id}/enable`, userView),
  resetPassword: (id: string) => api.post(`/api/users/${id}/reset-password`, userWithPassword),
};

/** Refetches everything that shows accounts (the list and the home figures). */
export function refreshUsers(): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'users' || q.queryKey[0] === 'home' });
}
