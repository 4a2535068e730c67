export default function Index() {
  return (
    <main>
      <h1>A static page</h1>
      <p>This page is the baseline: a bare Remix route with no data and no layout.</p>
    </main>
  );
}
