export async function createPost(data: { title: string; content: string; tags?: string[]; published: boolean }) {
  return { id: '1', ...data };
}

export async function findUser(email: string) {
  return email === 'ada@example.com' ? { id: '1', email, name: 'Ada' } : undefined;
}
