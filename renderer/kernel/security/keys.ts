import type { Argon2Params } from '../../../shared/base/security/argon2.ts';
import { fromBase64Url, toBase64Url } from '../../../shared/base/security/encoding.ts';
import {
  deriveKeysFromMaster,
  FieldCryptoError,
  type FieldKeys,
  generateDataKey,
  unwrapKey,
  wrapKey,
} from '../../../shared/base/security/fieldCrypto.ts';
import type { SecretProtection, SecretStore } from '../../../shared/base/platform/bridge.ts';
import type { LocalStore } from '../db/localStore.ts';
import { KeysLockedError } from './personalData.ts';

/**
 * The device's data key, which encrypts personal data at rest. It never sits in clear on disk:
 * - kept by the bridge's secret store (the OS keychain in Electron, a non-extractable WebCrypto key in
 *   the browser) and unlocked when the app starts;
 * - or, where that store is weak (Electron on Linux without a keyring), wrapped with each local user's
 *   password and unlocked when one of them signs in.
 * How it is kept is decided once per profile and remembered in the local settings.
 */

const secretName = 'creditdesk.dataKey';
const storageSetting = 'dataKeyStorage';
const wrappedSetting = 'wrappedDataKeys';

type KeyStorage = 'secrets' | 'wrapped';

/** The data key wrapped with one user's password, and the verifier of that password when it was wrapped. */
interface WrappedForUser {
  key: string;
  verifier: string;
}

export type UnlockResult = 'unlocked' | 'wrongPassword' | 'noKeyForUser';

export class DataKeyMissingError extends Error {
  constructor() {
    super('The data key of this profile is missing from the secret store: restore a backup');
    this.name = 'DataKeyMissingError';
  }
}

export class KeyVault {
  readonly #local: LocalStore;
  readonly #storage: KeyStorage;
  readonly #argon2: Argon2Params | undefined;
  /** The 32-byte data key; kept only where it must be wrapped for further users. */
  #master: Uint8Array | null = null;
  #keys: FieldKeys | null = null;
  /** How the key is protected on this device. */
  readonly protection: SecretProtection;

  private constructor(
    local: LocalStore,
    storage: KeyStorage,
    protection: SecretProtection,
    argon2?: Argon2Params,
  ) {
    this.#local = local;
    this.#storage = storage;
    this.protection = protection;
    this.#argon2 = argon2;
  }

  /**
   * Opens the profile's key: from the secret store, or (weak store) locked until a user signs in.
   * A fresh profile gets a new key. `argon2` overrides the cost of wrapping (tests only).
   */
  static async open(
    secrets: SecretStore,
    local: LocalStore,
    options: { argon2?: Argon2Params } = {},
  ): Promise<KeyVault> {
    const chosen = await local.getSetting<KeyStorage>(storageSetting);
    const protection = await secrets.protection();
    const storage: KeyStorage = chosen ?? (protection === 'weak' ? 'wrapped' : 'secrets');
    const vault = new KeyVault(local, storage, storage === 'wrapped' ? 'weak' : protection, options.argon2);
    if (storage === 'secrets') {
      const stored = await secrets.get(secretName);
      const bytes = stored === null ? null : fromBase64Url(stored);
      if (bytes?.length === 32) {
        await vault.#use(bytes);
      } else if (chosen) {
        throw new DataKeyMissingError();
      } else {
        const fresh = generateDataKey();
        await secrets.set(secretName, toBase64Url(fresh));
        await local.setSetting(storageSetting, storage);
        await vault.#use(fresh);
      }
    } else if (!chosen) {
      // A fresh profile on a weak store: the key lives in memory until the first user is granted it.
      await vault.#use(generateDataKey());
    }
    return vault;
  }

  get unlocked(): boolean {
    return this.#keys !== null;
  }

  /** True where each user's password unlocks the key (weak secret store). */
  get perUserPasswords(): boolean {
    return this.#storage === 'wrapped';
  }

  /** The working keys; throws KeysLockedError while locked. */
  fieldKeys(): FieldKeys {
    if (!this.#keys) throw new KeysLockedError();
    return this.#keys;
  }

  /**
   * Whether the key is wrapped with the user's current password, told by its verifier (always true where
   * the secret store keeps the key). False after she changed her password on another computer.
   */
  async hasKeyFor(userId: string, verifier: string): Promise<boolean> {
    return !this.perUserPasswords || (await this.#wrapped())[userId]?.verifier === verifier;
  }

  /** Unlocks with a user's password (weak store); a no-op when already unlocked. */
  async unlock(userId: string, password: string): Promise<UnlockResult> {
    if (this.unlocked) return 'unlocked';
    const wrapped = (await this.#wrapped())[userId];
    if (!wrapped) return 'noKeyForUser';
    try {
      await this.#use(await unwrapKey(wrapped.key, password));
      return 'unlocked';
    } catch (error) {
      if (error instanceof FieldCryptoError) return 'wrongPassword';
      throw error;
    }
  }

  /**
   * Wraps the unlocked key with this user's (new) password, so she can unlock it at her next sign-in.
   * A no-op where the secret store keeps the key.
   */
  async grant(userId: string, password: string, verifier: string): Promise<void> {
    if (!this.perUserPasswords) return;
    if (!this.#master) throw new KeysLockedError();
    const wrapped: WrappedForUser = { key: await wrapKey(this.#master, password, this.#argon2), verifier };
    await this.#local.transaction('rw', this.#local.settings, async () => {
      await this.#local.setSetting(wrappedSetting, { ...(await this.#wrapped()), [userId]: wrapped });
      await this.#local.setSetting(storageSetting, this.#storage);
    });
  }

  /** Forgets a user's wrapped key (disabled users). */
  async revoke(userId: string): Promise<void> {
    if (!this.perUserPasswords) return;
    const { [userId]: _removed, ...rest } = await this.#wrapped();
    await this.#local.setSetting(wrappedSetting, rest);
  }

  async #wrapped(): Promise<Record<string, WrappedForUser>> {
    return (await this.#local.getSetting<Record<string, WrappedForUser>>(wrappedSetting)) ?? {};
  }

  async #use(master: Uint8Array): Promise<void> {
    this.#keys = await deriveKeysFromMaster(master);
    this.#master = this.perUserPasswords ? master : null;
  }
}
