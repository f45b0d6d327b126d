import { HomePage } from "../home/HomePage";
import { BoardPage } from "../board/BoardPage";

/** Two places: the home page, and a board at /b/:id (its token in the fragment). */
export function App() {
  const match = /^\/b\/([^/]+)\/?$/.exec(window.location.pathname);
  if (match?.[1]) return <BoardPage boardId={decodeURIComponent(match[1])} />;
  return <HomePage />;
}
