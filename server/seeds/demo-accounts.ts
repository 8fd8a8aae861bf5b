import { readFileSync } from 'node:fs';
import type { Role } from '../src/modules/people/role-assignment.entity.js';

interface DemoAccounts {
  password: string;
  accounts: { login: string; role: Role; description: string }[];
}

/** The fixed demo sign-ins, shared with README and `pnpm demo`'s banner through the JSON file. */
const data = JSON.parse(
  readFileSync(new URL('./demo-accounts.json', import.meta.url), 'utf8'),
) as DemoAccounts;

export const DEMO_PASSWORD = data.password;
export const DEMO_ACCOUNTS = data.accounts;
export type DemoLogin =
  'admin' | 'director' | 'deputy' | 'clerk' | 'teacher' | 'classteacher' | 'student' | 'parent';
