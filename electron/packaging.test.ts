import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { findTestBuilds, refusedDistArgument, testBuildMarker } from './release-guard.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Loads a packaging config the way electron-builder does (including `extends`) and validates it. */
async function loadBuilderConfig(configPath: string | null) {
  const config = await getConfig(projectDir, configPath, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const shippedFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder configuration', () => {
  it('is valid and flips every hardening fuse in the shipped build', async () => {
    const config = await loadBuilderConfig(null);
    expect(config.appId).toBe('cn.gov.housing.creditdesk');
    expect(config.productName).toBe('CreditDesk');
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual(shippedFuses);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  }, 30_000); // the first load imports electron-builder

  it('packs only the Vite bundles and package.json', async () => {
    const config = await loadBuilderConfig(null);
    expect(config.files).toEqual([
      { filter: ['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map', '!node_modules'] },
    ]);
  });

  it('targets AppImage and deb on Linux (Office category), nsis on Windows, dmg on macOS', async () => {
    const config = await loadBuilderConfig(null);
    const targets = (list: unknown) => (list as Array<{ target: string }>).map((entry) => entry.target);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.desktop?.entry?.Categories).toBe('Office;');
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
  });

  it('gives the test build its own identity, an unpacked folder only and an output outside release/', async () => {
    const shipped = await loadBuilderConfig(null);
    const e2e = await loadBuilderConfig('electron-builder.e2e.yml');
    expect(e2e.electronFuses).toEqual({ ...shippedFuses, enableNodeCliInspectArguments: true });
    expect(e2e.appId).not.toBe(shipped.appId);
    expect(e2e.productName).not.toBe(shipped.productName);
    expect(e2e.directories?.output).toBe('release-e2e');
    expect(e2e.extraMetadata).toEqual({ [testBuildMarker]: true });
    for (const platform of [e2e.linux, e2e.win, e2e.mac]) expect(platform?.target).toBe('dir');
  });
});

describe('npm run dist', () => {
  it('refuses another electron-builder configuration file', () => {
    expect(refusedDistArgument(['--config', 'electron-builder.e2e.yml'])).toBe(
      '--config electron-builder.e2e.yml',
    );
    expect(refusedDistArgument(['--config=electron-builder.e2e.yml'])).toBe(
      '--config=electron-builder.e2e.yml',
    );
    expect(refusedDistArgument(['-c', 'other.yml'])).toBe('-c other.yml');
    expect(refusedDistArgument(['--linux', 'deb', '-c.compression=store'])).toBeNull();
  });

  it('finds a packaged test build by the marker in its package.json, and only that one', async () => {
    const release = mkdtempSync(join(tmpdir(), 'creditdesk-release-'));
    try {
      const pack = async (folder: string, manifest: object) => {
        const source = join(release, `${folder}-source`);
        mkdirSync(source);
        writeFileSync(join(source, 'package.json'), JSON.stringify(manifest));
        mkdirSync(join(release, folder, 'resources'), { recursive: true });
        await createPackage(source, join(release, folder, 'resources', 'app.asar'));
      };
      await pack('linux-unpacked', { name: 'creditdesk' });
      expect(findTestBuilds(release)).toEqual([]);
      await pack('win-unpacked', { name: 'creditdesk', [testBuildMarker]: true });
      expect(findTestBuilds(release)).toEqual([join(release, 'win-unpacked', 'resources', 'app.asar')]);
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  });
});

describe('build resources', () => {
  it('include a 512×512 PNG icon and its SVG source', () => {
    const png = readFileSync(new URL('../build/icon.png', import.meta.url));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(new URL('../build/icon.svg', import.meta.url), 'utf8')).toContain(
      'viewBox="0 0 512 512"',
    );
  });
});
