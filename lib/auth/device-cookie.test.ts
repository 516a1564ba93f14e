import { describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, deviceCookieFrom, deviceCookieHeader, issueDeviceCookie, verifyDeviceCookie } from './device-cookie';

const secret = 'test-secret-test-secret-test-secret';

describe('device cookie', () => {
  it('is recognised for the account it was issued for, whatever the case and spaces of the typed email', () => {
    const value = issueDeviceCookie({ email: 'Owner@Example.test', secret });
    const id = verifyDeviceCookie({ value, email: '  owner@example.TEST ', secret });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(value.startsWith(`${id}.`)).toBe(true);
  });

  it('gives an attacker nothing: their own account’s cookie, a forged MAC, a spliced id or another secret are all refused', () => {
    const victims = issueDeviceCookie({ email: 'victim@example.test', secret });
    const mallorys = issueDeviceCookie({ email: 'mallory@example.test', secret });
    const [victimId] = victims.split('.');
    const [, malloryMac] = mallorys.split('.');
    const refused = [
      mallorys,
      `${victimId}.${malloryMac}`,
      `${victimId}.${'A'.repeat(43)}`,
      issueDeviceCookie({ email: 'victim@example.test', secret: 'another-secret' }),
      `${victims}.extra`,
      victims.slice(0, -1),
      '',
      undefined,
      'no-dot-at-all',
    ];
    for (const value of refused) expect(verifyDeviceCookie({ value, email: 'victim@example.test', secret })).toBeUndefined();
    expect(verifyDeviceCookie({ value: victims, email: 'victim@example.test', secret })).toBe(victimId);
  });

  it('is a fresh random id each time (a lost cookie says nothing about the next one)', () => {
    const ids = new Set(Array.from({ length: 50 }, () => issueDeviceCookie({ email: 'a@example.test', secret }).split('.')[0]));
    expect(ids.size).toBe(50);
  });

  it('is read from a Cookie header among others, and set httpOnly, SameSite=Lax, long-lived, secure only over https', () => {
    expect(deviceCookieFrom(`next-auth.csrf-token=abc; ${DEVICE_COOKIE}=id.mac; other=1`)).toBe('id.mac');
    expect(deviceCookieFrom('x-studio-device=1')).toBeUndefined();
    expect(deviceCookieFrom(undefined)).toBeUndefined();
    expect(deviceCookieFrom(['studio-device=1'])).toBeUndefined();
    const plain = deviceCookieHeader('id.mac', { secure: false });
    expect(plain).toMatch(/^studio-device=id\.mac; Path=\/api\/auth; Max-Age=\d{8}; HttpOnly; SameSite=Lax$/);
    expect(deviceCookieHeader('id.mac', { secure: true })).toBe(`${plain}; Secure`);
  });
});
