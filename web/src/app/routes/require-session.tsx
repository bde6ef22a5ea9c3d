import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadError, Loading } from '../../components/ui/loading';
import { useMe } from '../../features/auth/api/use-me';

/** Pages that need a session: nobody logged in → the log-in page. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return <Loading />;
  }
  if (me.isError) {
    return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}
