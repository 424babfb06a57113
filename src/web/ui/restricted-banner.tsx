/**
 * The classification marking shown at the top of every page. It cannot be dismissed: the data behind the
 * platform is official and restricted, and every screen (and every screenshot of it) must say so.
 */
import { useTranslation } from 'react-i18next';

/** Marking only, for surfaces that cover the page banner (drawers, full-screen dialogs on phones). */
export function RestrictedMarking() {
  const { t } = useTranslation();
  return <div className="itd-restricted itd-restricted--compact">{t('restricted.marking')}</div>;
}

export function RestrictedBanner() {
  const { t } = useTranslation();
  return (
    <div className="itd-restricted" role="note">
      <strong className="itd-restricted__marking">{t('restricted.marking')}</strong>
      <span className="itd-restricted__explanation">{t('restricted.explanation')}</span>
    </div>
  );
}
