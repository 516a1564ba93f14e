import path from 'node:path';
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

describe('where the Wan service reaches the studio (start frames, webhooks)', () => {
  it('with the emulator and no PUBLIC_URL: our loopback address on the port we listen on', () => {
    expect(envWith({ WAN_API_KEY: undefined, PUBLIC_URL: undefined, PORT: '3100' }).reachableUrl).toBe('http://127.0.0.1:3100');
    expect(envWith({ WAN_API_KEY: undefined, PUBLIC_URL: undefined, PORT: undefined }).reachableUrl).toBe('http://127.0.0.1:3000');
  });

  it('PUBLIC_URL wins when set, with or without a real key', () => {
    expect(envWith({ WAN_API_KEY: undefined, PUBLIC_URL: 'https://studio.example.test' }).reachableUrl).toBe('https://studio.example.test');
    expect(envWith({ WAN_API_KEY: 'sk-live-something', PUBLIC_URL: 'https://studio.example.test' }).reachableUrl).toBe('https://studio.example.test');
  });

  it('with a real key and no PUBLIC_URL: none (the real service cannot reach localhost), and PUBLIC_URL itself stays unset', () => {
    const env = envWith({ WAN_API_KEY: 'sk-live-something', PUBLIC_URL: undefined, PORT: '3100' });
    expect(env.reachableUrl).toBeUndefined();
    expect(envWith({ WAN_API_KEY: undefined, PUBLIC_URL: undefined }).publicUrl).toBeUndefined();
  });

  it('a port that is not one is refused at start', () => {
    expect(() => envWith({ PORT: '99999' })).toThrow(/PORT/);
  });
});

describe('variables read elsewhere go through here too', () => {
  it('the session secret: NEXTAUTH_SECRET first, AUTH_SECRET as next-auth\'s other name, else none (a generated one)', () => {
    expect(envWith({ NEXTAUTH_SECRET: 'first', AUTH_SECRET: 'second' }).authSecret).toBe('first');
    expect(envWith({ NEXTAUTH_SECRET: undefined, AUTH_SECRET: 'second' }).authSecret).toBe('second');
    expect(envWith({ NEXTAUTH_SECRET: '', AUTH_SECRET: undefined }).authSecret).toBeUndefined();
  });

  it('a crash point is one the code knows, or the studio refuses to start', () => {
    expect(envWith({ STUDIO_CRASH_POINT: undefined }).crashPoint).toBeUndefined();
    expect(envWith({ STUDIO_CRASH_POINT: 'mid-archive' }).crashPoint).toBe('mid-archive');
    expect(() => envWith({ STUDIO_CRASH_POINT: 'mid-archiv' })).toThrow(/STUDIO_CRASH_POINT/);
  });

  it('PATH as the directories to search, empty entries dropped', () => {
    expect(envWith({ PATH: `/usr/local/bin${path.delimiter}${path.delimiter}/usr/bin` }).searchPath).toEqual(['/usr/local/bin', '/usr/bin']);
    expect(envWith({ PATH: undefined }).searchPath).toEqual([]);
  });
});

describe('where archived videos live', () => {
  const s3 = { STORAGE_URL: 's3://studio-clips/team-a/videos/', S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-secret' };

  it('unset: local disk, as before', () => {
    expect(envWith({ STORAGE_URL: undefined }).storage).toEqual({ kind: 'local' });
  });

  it('an s3:// URL: the bucket and its prefix, us-east-1 and virtual-host style unless told otherwise', () => {
    expect(envWith({ ...s3, S3_ENDPOINT: undefined, S3_REGION: undefined, S3_FORCE_PATH_STYLE: undefined }).storage).toEqual({
      kind: 's3',
      bucket: 'studio-clips',
      prefix: 'team-a/videos/',
      endpoint: undefined,
      region: 'us-east-1',
      forcePathStyle: false,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI-secret' },
    });
    expect(envWith({ STORAGE_URL: 's3://studio-clips' }).storage).toMatchObject({ prefix: '', credentials: undefined });
  });

  it('an S3-compatible endpoint turns path style on, unless S3_FORCE_PATH_STYLE says no', () => {
    expect(envWith({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000' }).storage).toMatchObject({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    expect(envWith({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'false' }).storage).toMatchObject({ forcePathStyle: false });
  });

  it.each([
    [{ STORAGE_URL: 'https://studio-clips.s3.amazonaws.com/x' }, /STORAGE_URL must look like s3:\/\/bucket\/prefix/],
    [{ STORAGE_URL: 's3://Studio_Clips/x' }, /invalid bucket "Studio_Clips"/],
    [{ STORAGE_URL: 's3://studio-clips/../x' }, /prefix may hold/],
    [{ ...s3, S3_ENDPOINT: 'not a url' }, /S3_ENDPOINT/],
    [{ ...s3, S3_REGION: 'US East' }, /S3_REGION must look like us-east-1/],
    [{ ...s3, S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE/],
    [{ STORAGE_URL: 's3://studio-clips', S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', S3_SECRET_ACCESS_KEY: undefined }, /set together/],
  ])('refuses bad values at start: %o', (values, message) => {
    expect(() => envWith(values)).toThrow(message);
  });

  it('never repeats the secret key in its error', () => {
    expect(() => envWith({ ...s3, S3_ACCESS_KEY_ID: undefined })).toThrow(/set together/);
    try {
      envWith({ ...s3, S3_ACCESS_KEY_ID: undefined });
    } catch (error) {
      expect(String(error)).not.toContain(s3.S3_SECRET_ACCESS_KEY);
    }
  });
});
