// What the count targets count. T4 "省级以上创新平台达120家": distinct platforms whose level on the date
// is provincial or national and that are not revoked by then — one record per platform, so a platform
// upgraded from 省级 to 国家级 counts once. T5 "园区、集聚区及示范基地达到10个以上": parks with status
// recognised and a recognition date on or before the date.
import type { Park, Platform, PlatformLevel } from '../../shared/registries';

type PlatformDates = Pick<Platform, 'level' | 'previousLevel' | 'upgradedOn' | 'recognisedOn' | 'revokedOn'>;

/** The platform's level on `asOf` (YYYY-MM-DD), or null before it was recognised or after revocation. */
export function platformLevelOn(p: PlatformDates, asOf: string): PlatformLevel | null {
  if (asOf < p.recognisedOn) return null;
  if (p.revokedOn && p.revokedOn <= asOf) return null;
  if (p.previousLevel && p.upgradedOn && asOf < p.upgradedOn) return p.previousLevel;
  return p.level;
}

export function platformCountsOn(p: PlatformDates, asOf: string): boolean {
  const level = platformLevelOn(p, asOf);
  return level === 'provincial' || level === 'national';
}

export const countPlatforms = (list: PlatformDates[], asOf: string): number => list.filter((p) => platformCountsOn(p, asOf)).length;

type ParkDates = Pick<Park, 'status' | 'recognisedOn'>;

export function parkCountsOn(p: ParkDates, asOf: string): boolean {
  return p.status === 'recognised' && p.recognisedOn != null && p.recognisedOn <= asOf;
}

export const countParks = (list: ParkDates[], asOf: string): number => list.filter((p) => parkCountsOn(p, asOf)).length;
