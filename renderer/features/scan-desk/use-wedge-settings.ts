import { useMemo } from 'react';
import {
  DEFAULT_WEDGE_SETTINGS,
  wedgeSettingsFrom,
  type WedgeSettings,
} from '../../../shared/scanning/keyboard-wedge.ts';
import { useDesk } from '../../app/use-desk.ts';

/**
 * The wedge thresholds, prefix and suffix as stored in Settings; the defaults until the settings
 * have arrived. The same object until the scanner settings change, so listeners are not rebuilt.
 */
export function useWedgeSettings(): WedgeSettings {
  const scanner = useDesk((state) => state.settings.values?.scanner);
  return useMemo(() => (scanner ? wedgeSettingsFrom(scanner) : DEFAULT_WEDGE_SETTINGS), [scanner]);
}
