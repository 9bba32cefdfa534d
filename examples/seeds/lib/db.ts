// A Prisma-shaped in-memory database for the CRUD seed example.
type Author = { id: string; name: string };
type Post = { id: string; title: string; content: string; authorId?: string; createdAt: Date };

const authors = new Map<string, Author>([['1', { id: '1', name: 'Ada' }]]);
const posts = new Map<string, Post>();
let seq = 0;

export const db = {
  post: {
    async findMany(args: { orderBy?: { createdAt?: 'asc' | 'desc' } } = {}) {
      const list = Array.from(posts.values());
      const dir = args.orderBy?.createdAt === 'asc' ? 1 : -1;
      return list.sort((a, b) => dir * (a.createdAt.getTime() - b.createdAt.getTime() || Number(a.id) - Number(b.id)));
    },
    async create({ data }: { data: Omit<Post, 'id' | 'createdAt'> }) {
      const post = { ...data, id: String(++seq), createdAt: new Date(1700000000000 + seq) };
      posts.set(post.id, post);
      return post;
    },
    async findUnique({ where, include }: { where: { id: string }; include?: { author?: boolean } }) {
      const post = posts.get(where.id);
      if (!post) return null;
      return include?.author ? { ...post, author: authors.get(post.authorId ?? '') ?? null } : post;
    },
    async update({ where, data }: { where: { id: string }; data: Partial<Post> }) {
      const post = posts.get(where.id);
      if (!post) throw new Error(`Record to update not found: ${where.id}`);
      const updated = { ...post, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) };
      posts.set(where.id, updated);
      return updated;
    },
    async delete({ where }: { where: { id: string } }) {
      const post = posts.get(where.id);
      if (!post) throw new Error(`Record to delete does not exist: ${where.id}`);
      posts.delete(where.id);
      return post;
    },
  },
};
