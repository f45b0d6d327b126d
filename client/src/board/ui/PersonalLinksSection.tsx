import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, MAX_INVITES, type PersonalLink, type PersonalLinks } from "@journeyboard/shared";
import { fetchPersonalLinks, invitePeople, reissuePersonalLink, revokePersonalLink } from "../../app/api";
import { CopyField } from "../../app/CopyField";
import { failureText, type Worded } from "../../app/failureText";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import { readInviteList, type InviteListProblem } from "./inviteList";
import { QrCode } from "./QrCode";

const problemText = (problem: InviteListProblem): Worded =>
  problem.problem === "tooMany"
    ? { key: "share.personal.tooMany", values: { max: MAX_INVITES } }
    : {
        key: `share.personal.${problem.problem}`,
        values: { line: problem.line, max: Math.min(LIMITS.displayName, LIMITS.department) },
      };

/**
 * Personal links, optional: the facilitator pastes names and departments
 * (a line each), and each person gets a participant link of their own,
 * listed with its QR code on demand; one person's link can be revoked, and
 * issued again. What the server refuses is said, and nothing is lost: the
 * pasted list stays until it is taken.
 */
export function PersonalLinksSection({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const departmentLabel = useDepartmentLabel();
  const [links, setLinks] = useState<PersonalLink[] | null>(null);
  const [pasted, setPasted] = useState("");
  const [why, setWhy] = useState<Worded | null>(null);
  useEffect(() => {
    let live = true;
    fetchPersonalLinks(boardId, token).then(
      (answer) => live && setLinks(answer.invites),
      (failure: unknown) => live && setWhy(failureText(failure)),
    );
    return () => {
      live = false;
    };
  }, [boardId, token]);
  const settle = (call: Promise<PersonalLinks>, after?: () => void) =>
    call.then(
      (answer) => {
        setLinks(answer.invites);
        setWhy(null);
        after?.();
      },
      (failure: unknown) => setWhy(failureText(failure)),
    );
  const invite = () => {
    const read = readInviteList(pasted, (preset) => t(`department.${preset}`));
    if (!("people" in read)) return setWhy(problemText(read));
    void settle(invitePeople(boardId, token, read.people), () => setPasted(""));
  };
  return (
    <section className="personal-links" aria-labelledby="personal-links-title" data-testid="share.personal">
      <h3 id="personal-links-title">{t("share.personal.title")}</h3>
      <p className="hint">{t("share.personal.hint")}</p>
      <label className="personal-links-input">
        <span>{t("share.personal.people")}</span>
        <textarea
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          placeholder={t("share.personal.placeholder")}
          rows={3}
          data-testid="share.personal.input"
        />
      </label>
      <div className="link-actions">
        <button type="button" onClick={invite} disabled={pasted.trim() === ""} data-testid="share.personal.add">
          {t("share.personal.add")}
        </button>
      </div>
      {why && (
        <p className="hint" role="alert" data-testid="share.personal.problem">
          {t(why.key, why.values)}
        </p>
      )}
      {links?.length === 0 && <p className="hint">{t("share.personal.none")}</p>}
      {links && links.length > 0 && (
        <ul>
          {links.map((link) => (
            <InvitedLink
              key={link.id}
              link={link}
              label={`${link.name} · ${departmentLabel(link.department)}`}
              revoke={() => void settle(revokePersonalLink(boardId, token, link.id))}
              reissue={() => void settle(reissuePersonalLink(boardId, token, link.id))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitedLink({
  link,
  label,
  revoke,
  reissue,
}: {
  link: PersonalLink;
  label: string;
  revoke: () => void;
  reissue: () => void;
}) {
  const { t } = useTranslation();
  const [showQr, setShowQr] = useState(false);
  return (
    <li className="role-link" data-testid="share.personal.person" data-name={link.name} data-status={link.status}>
      {link.status === "on" ? (
        <div className="role-link-body">
          <CopyField label={label} value={link.url} testId="share.personal.url" />
          {showQr && (
            <QrCode value={link.url} label={t("share.personal.qrOf", { name: link.name })} testId="share.personal.qr" />
          )}
        </div>
      ) : (
        <p>
          <strong>{label}</strong> <span className="hint">{t("share.personal.off")}</span>
        </p>
      )}
      <div className="link-actions">
        {link.status === "on" && (
          <button
            type="button"
            aria-pressed={showQr}
            onClick={() => setShowQr(!showQr)}
            data-testid="share.personal.showQr"
          >
            {t("share.personal.qr")}
          </button>
        )}
        {link.status === "on" ? (
          <button type="button" onClick={revoke} data-testid="share.personal.revoke">
            {t("share.personal.revoke")}
          </button>
        ) : (
          <button type="button" onClick={reissue} data-testid="share.personal.reissue">
            {t("share.personal.reissue")}
          </button>
        )}
      </div>
    </li>
  );
}
