// Turns a server message that lists several mistakes ("The schema file has 2 mistakes: a; b") into
// lines a user can read one by one: the lead sentence, then each mistake with its path.
export function splitErrorDetails(message: string): string[] {
  const colon = message.indexOf(': ');
  if (colon < 0 || !message.includes('; ')) return [message];
  const lead = message.slice(0, colon + 1);
  const items = message
    .slice(colon + 2)
    .split('; ')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return [lead, ...items];
}
