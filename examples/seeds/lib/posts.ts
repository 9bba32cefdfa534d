// The data helpers the seed examples call: an in-memory store shared by
// every Node route (Node routes share one module state, as under next start).
export type Post = { id: string; title: string; content: string; authorId?: string; userId?: string; createdAt: number };

const posts = new Map<string, Post>([
  ['1', { id: '1', title: 'Hello', content: 'First post', userId: '1', createdAt: 1 }],
  ['2', { id: '2', title: 'Second', content: 'Another post', userId: '1', createdAt: 2 }],
]);
let nextId = 3;

export async function getPost(id: string): Promise<Post | undefined> {
  return posts.get(id);
}

export async function updatePost(id: string, data: Partial<Post>): Promise<Post | undefined> {
  const post = posts.get(id);
  if (!post) return undefined;
  const updated = { ...post, ...data, id };
  posts.set(id, updated);
  return updated;
}

export async function deletePost(id: string): Promise<void> {
  posts.delete(id);
}

export async function createPost(data: Omit<Post, 'id' | 'createdAt'>): Promise<Post> {
  const post = { ...data, id: String(nextId++), createdAt: Date.now() };
  posts.set(post.id, post);
  return post;
}

export async function getUserPost(userId: string, postId: string): Promise<Post | { error: string }> {
  const post = posts.get(postId);
  if (!post || post.userId !== userId) return { error: 'Post not found' };
  return post;
}

export async function findUser(email: string) {
  return email === 'ada@example.com' ? { id: '1', email, name: 'Ada' } : undefined;
}

export async function fetchData() {
  return { items: [1, 2, 3] };
}

export async function getNearbyData() {
  return { region: 'local', items: ['a', 'b'] };
}
