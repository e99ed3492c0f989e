import { useTranslation } from 'react-i18next';
import { ROUTES, type RouteId } from './routes';

export function NavBar({ route, navigate }: { route: RouteId; navigate: (route: RouteId) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {ROUTES.map((id) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              aria-current={id === route ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(id);
              }}
            >
              {t(`nav.${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
