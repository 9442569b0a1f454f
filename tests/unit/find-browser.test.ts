/** Which browser npm start and the tests use: CHROMIUM_PATH first and never silently replaced; brands told apart. */
import { afterEach, describe, expect, it } from 'vitest';
import { brandOf, findBrowser, installHint } from '../../scripts/browser/find-browser';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('finding a browser', () => {
  it('uses CHROMIUM_PATH when it is an executable', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(findBrowser()).toMatchObject({ path: process.execPath, source: 'CHROMIUM_PATH' });
  });

  it('a CHROMIUM_PATH that is not there is reported, not replaced by another browser', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(findBrowser()).toBeNull();
    expect(installHint()).toContain('/nowhere/chromium');
  });

  it('tells Chromium from branded Chrome (which needs DevTools loading) and Edge', () => {
    expect(brandOf('/usr/bin/chromium')).toBe('chromium');
    expect(brandOf('/Applications/Chromium.app/Contents/MacOS/Chromium')).toBe('chromium');
    expect(brandOf('/opt/google/chrome/google-chrome')).toBe('chrome');
    expect(brandOf('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBe('chrome');
    expect(brandOf('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge')).toBe('edge');
    expect(brandOf('/home/me/chrome-for-testing/chrome')).toBe('chromium');
  });

  it('with no browser and no CHROMIUM_PATH, says what to install in one line', () => {
    delete process.env.CHROMIUM_PATH;
    const hint = installHint();
    expect(hint.split('\n')).toHaveLength(1);
    expect(hint).toMatch(/install/i);
  });
});
