import type { Flow } from '@parley/flow-schema';
import { useMemo, useState } from 'react';
import { createApi, readToken } from './api/client.ts';
import { EditorScreen } from './EditorScreen.tsx';
import { FlowList } from './FlowList.tsx';

/** The editor app: asks for the token if the page has none, then the flow list or one open flow. */
export function App() {
  const [token, setToken] = useState(readToken);
  const [open, setOpen] = useState<{
    flow: Flow;
    published: number | null;
    key: number;
    notice?: string | undefined;
  } | null>(null);
  const api = useMemo(() => (token ? createApi(token) : null), [token]);
  if (!api) return <TokenForm onToken={setToken} />;
  if (open)
    return (
      <EditorScreen
        key={`${open.flow.id}-${open.key}`}
        api={api}
        initial={open.flow}
        publishedVersion={open.published}
        onClose={() => setOpen(null)}
        notice={open.notice}
        onOpened={(flow, notice) =>
          setOpen((o) => ({
            flow,
            published: o?.flow.id === flow.id ? o.published : null,
            key: (o?.key ?? 0) + 1,
            notice,
          }))
        }
      />
    );
  return <FlowList api={api} onOpen={(flow, published, notice) => setOpen({ flow, published, key: 0, notice })} />;
}

function TokenForm({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="flow-list"
      onSubmit={(e) => {
        e.preventDefault();
        window.localStorage.setItem('parley-token', value);
        onToken(value);
      }}
    >
      <h1>Connect to Parley</h1>
      <p>Paste the admin token the Parley server printed when it started.</p>
      <input aria-label="Admin token" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="primary">
        Connect
      </button>
    </form>
  );
}
