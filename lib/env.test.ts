import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvForTests } from './env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function envWith(values: Record<string, string | undefined>) {
  process.env = { ...saved, ...values };
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  resetEnvForTests();
  return getEnv();
}

describe('safe defaults', () => {
  it('with a real key, sign-up is by invite unless the operator says otherwise; with the emulator it is open', () => {
    expect(envWith({ WAN_API_KEY: 'sk-live-something', SIGNUP: undefined }).signup).toBe('invite');
    expect(envWith({ WAN_API_KEY: undefined, SIGNUP: undefined }).signup).toBe('open');
    expect(envWith({ WAN_API_KEY: 'sk-live-something', SIGNUP: 'open' }).signup).toBe('open');
    expect(() => envWith({ SIGNUP: 'everyone' })).toThrow(/SIGNUP/);
  });

  it('HSTS and secure cookies follow an https public address', () => {
    expect(envWith({ PUBLIC_URL: 'https://studio.example.test', NEXTAUTH_URL: undefined }).https).toBe(true);
    expect(envWith({ PUBLIC_URL: undefined, NEXTAUTH_URL: 'http://localhost:3000' }).https).toBe(false);
  });
});
