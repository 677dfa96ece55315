import type { ChartOption } from '../charts';
import { KNOWN_LEVELS, LEVEL_COLOURS } from './LevelBadge';
import type { OwnerLevels } from './types';

/** Levels in the order to stack them: the default ones lowest first, any other after. */
export function orderedLevels(byOwner: OwnerLevels[]): string[] {
  const seen = new Set(byOwner.flatMap(o => o.levels.map(l => l.level)));
  const known = KNOWN_LEVELS.filter(l => seen.has(l));
  const other = [...seen]
    .filter(l => !(KNOWN_LEVELS as readonly string[]).includes(l))
    .sort();
  return [...known, ...other];
}

/**
 * A horizontal stacked bar per owner team: how many of its models are at each level. Each level
 * is one series in its badge's colour ("none" drawn as a light outline colour), labelled by
 * `levelLabel`.
 */
export function buildLevelsByTeamOption(
  byOwner: OwnerLevels[],
  teamLabel: (owner: string) => string,
  levelLabel: (level: string) => string,
): ChartOption {
  const levels = orderedLevels(byOwner);
  // The first team at the top, as in the list beside the chart.
  const owners = [...byOwner].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: owners.map(o => teamLabel(o.owner)) },
    series: levels.map(level => ({
      type: 'bar',
      name: levelLabel(level),
      stack: 'levels',
      itemStyle: {
        color:
          level === 'none'
            ? '#cfd4d9'
            : (LEVEL_COLOURS[level as keyof typeof LEVEL_COLOURS] ?? '#777'),
      },
      data: owners.map(o => o.levels.find(l => l.level === level)?.count ?? 0),
    })),
  };
}
