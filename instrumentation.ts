export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Open the database now so migrations apply at start (and a broken one fails loudly), then resume tasks.
    const { getDb } = await import('@/db/index');
    getDb();
    const { startSweeper } = await import('@/lib/tasks/sweeper');
    startSweeper();
  }
}
