export function App() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-8 bg-brand-900 p-8 text-white">
      <h1 className="text-5xl font-semibold">Tapdesk</h1>
      <p className="text-2xl">Check in / out</p>
    </main>
  );
}
