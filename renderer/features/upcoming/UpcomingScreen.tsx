import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { screenName } from '../navigation/screens.ts';
import { UPCOMING_SCREENS, type UpcomingScreenId } from './upcoming-screens.ts';

/** A scan screen that is not built yet: its name and what it will do, nothing pretended. */
export function UpcomingScreen({ id }: { id: UpcomingScreenId }) {
  return (
    <div className="screen upcoming-screen">
      <ScreenHeading>{screenName(id)}</ScreenHeading>
      <p className="lead">{UPCOMING_SCREENS[id]}</p>
    </div>
  );
}
