import type { SecretStore } from '../../../shared/base/platform/bridge.ts';
import { decryptField, encryptField, type FieldAad } from '../../../shared/base/security/fieldCrypto.ts';
import type { LocalStore } from '../db/localStore.ts';
import type { KeyVault } from './keys.ts';

const settingPrefix = 'sealedSecret.';
const aadOf = (key: string): FieldAad => ({ collection: 'deviceSecrets', field: key, documentId: 'device' });

/**
 * Where the device's own secrets (the sync device token) are kept. With a trustworthy secret store
 * (OS keychain, browser WebCrypto) that store; where it is weak (Electron on Linux without a keyring,
 * whose `basic_text` fallback is plaintext in effect) they are sealed with the data key, like personal
 * data, and kept in the local settings: readable only once a user's password has unlocked the key.
 * A secret the weak store still holds from before is moved over on first read.
 */
export function deviceSecretStore(vault: KeyVault, secrets: SecretStore, local: LocalStore): SecretStore {
  if (!vault.perUserPasswords) return secrets;
  const encryptionKey = () => vault.fieldKeys().encryptionKey;
  const store: SecretStore = {
    async get(key) {
      const sealed = await local.getSetting<string>(settingPrefix + key);
      if (sealed !== undefined) return decryptField(encryptionKey(), sealed, aadOf(key));
      const earlier = await secrets.get(key);
      if (earlier !== null) {
        await store.set(key, earlier);
        await secrets.delete(key);
      }
      return earlier;
    },
    async set(key, value) {
      await local.setSetting(settingPrefix + key, await encryptField(encryptionKey(), value, aadOf(key)));
    },
    async delete(key) {
      await local.settings.delete(settingPrefix + key);
      await secrets.delete(key);
    },
    protection: async () => 'weak',
  };
  return store;
}
