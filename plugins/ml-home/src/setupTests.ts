import '@testing-library/jest-dom';
import { rawMessageKeys } from './translation/__testUtils__/rawMessageKeys';

// Every rendering test doubles as a check that each text it shows has a message: a key missing
// from the translation ref would be rendered as the key itself.
afterEach(() => {
  const raw = rawMessageKeys(document.body);
  if (raw.length) {
    throw new Error(`Shown without a message: ${raw.join(', ')}`);
  }
});
