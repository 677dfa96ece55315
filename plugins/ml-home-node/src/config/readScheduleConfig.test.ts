import { ConfigReader } from '@backstage/config';
import { readScheduleConfig } from './readScheduleConfig';

const DEFAULT = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};
const KEY = 'search.collators.mlHome.schedule';

describe('readScheduleConfig', () => {
  it('returns the default when the key is absent', () => {
    expect(readScheduleConfig(new ConfigReader({}), KEY, DEFAULT)).toBe(
      DEFAULT,
    );
  });

  it('reads the schedule at the key', () => {
    const config = new ConfigReader({
      search: {
        collators: {
          mlHome: {
            schedule: {
              frequency: { hours: 1 },
              timeout: 'PT5M',
              scope: 'local',
            },
          },
        },
      },
    });
    expect(readScheduleConfig(config, KEY, DEFAULT)).toEqual({
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      scope: 'local',
    });
  });

  it('refuses an invalid schedule, naming the key', () => {
    const config = new ConfigReader({
      search: {
        collators: { mlHome: { schedule: { frequency: 'often' } } },
      },
    });
    expect(() => readScheduleConfig(config, KEY, DEFAULT)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          /^Invalid schedule at search\.collators\.mlHome\.schedule: /,
        ),
      }),
    );
  });
});
