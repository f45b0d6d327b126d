import { Suspense, lazy } from "react";
import { HomePage } from "../home/HomePage";

// The board (canvas, Yjs, the connection) is a chunk of its own: the home page loads without it.
const BoardPage = lazy(() => import("../board/BoardPage").then((module) => ({ default: module.BoardPage })));

/** Two places: the home page, and a board at /b/:id (its token in the fragment). */
export function App() {
  const match = /^\/b\/([^/]+)\/?$/.exec(window.location.pathname);
  if (match?.[1])
    return (
      <Suspense fallback={null}>
        <BoardPage boardId={decodeURIComponent(match[1])} />
      </Suspense>
    );
  return <HomePage />;
}
