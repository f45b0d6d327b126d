import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreateBoardResponse } from "@journeyboard/shared";
import { loadAdminToken, saveAdminToken } from "../app/adminToken";
import { loadMyBoards } from "../app/myBoards";
import { LanguagePicker } from "../i18n/LanguagePicker";
import { AdminTokenField } from "./AdminTokenField";
import { BoardLinks } from "./BoardLinks";
import { CreateBoardForm } from "./CreateBoardForm";
import { ImportBoardForm } from "./ImportBoardForm";

export function HomePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreateBoardResponse | null>(null);
  const [adminToken, setAdminToken] = useState(loadAdminToken);
  const [tokenAsked, setTokenAsked] = useState(false);
  const changeToken = (token: string) => {
    saveAdminToken(token);
    setAdminToken(token);
  };
  const askToken = () => setTokenAsked(true);
  const recent = loadMyBoards()
    .filter((b) => b.id !== created?.id)
    .slice(0, 5);
  return (
    <main className="home">
      <header className="home-header">
        <div className="home-title">
          <h1>{t("app.name")}</h1>
          <LanguagePicker />
        </div>
        <p>{t("home.tagline")}</p>
      </header>
      {created ? (
        <BoardLinks board={created} onAnother={() => setCreated(null)} />
      ) : (
        <>
          {(tokenAsked || adminToken) && <AdminTokenField token={adminToken} onChange={changeToken} />}
          <CreateBoardForm onCreated={setCreated} adminToken={adminToken} onTokenRefused={askToken} />
          <ImportBoardForm onCreated={setCreated} adminToken={adminToken} onTokenRefused={askToken} />
        </>
      )}
      {recent.length > 0 && (
        <section className="card-panel" aria-labelledby="recent-title">
          <h2 id="recent-title">{t("home.recent")}</h2>
          <ul className="recent">
            {recent.map((b) => (
              <li key={b.id}>
                <a href={b.links.facilitator.url}>{b.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
