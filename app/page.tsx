import { db } from '@/lib/db/client';
export const dynamic = 'force-dynamic';
export default async function Home() {
  const n = await db().user.count();
  return <main>users: {n}</main>;
}
