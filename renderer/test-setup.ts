// IndexedDB for tests that open the real local database under Node.
import 'fake-indexeddb/auto';
