import { useTranslation } from 'react-i18next';
import { APPROVER_KINDS, ApproverForm, ApproverKind, PostRef } from './chain-form';
import { PostChoice, PostSearch } from './post-search';

/** How the form names a post: its title once known, else its code or id as written. */
export function postName(post: PostRef, titles: Map<string, string>, byCode: (code: string) => string): string {
  if (post.by === 'code') return byCode(post.value);
  return titles.get(post.value) ?? post.value;
}

/** One approver of a stage: its kind, and for the kinds that name posts, the posts picked from the organization. */
export function ApproverFields({
  id,
  n,
  approver,
  titles,
  messages,
  canRemove,
  onChange,
  onRemove,
  onPicked,
}: {
  id: string;
  /** 1-based, as the reader counts. */
  n: number;
  approver: ApproverForm;
  titles: Map<string, string>;
  messages: string[];
  canRemove: boolean;
  onChange: (approver: ApproverForm) => void;
  onRemove: () => void;
  onPicked: (post: PostChoice) => void;
}) {
  const { t } = useTranslation('admin');
  const errorId = messages.length ? `${id}-error` : undefined;
  const namesPosts = approver.kind === 'position' || approver.kind === 'positions';
  const pickerOpen = approver.kind === 'positions' || (approver.kind === 'position' && approver.posts.length === 0);
  const pick = (post: PostChoice) => {
    onPicked(post);
    const ref: PostRef = { by: 'id', value: post.id };
    const posts = approver.kind === 'position' ? [ref] : [...approver.posts.filter((p) => p.value !== post.id), ref];
    onChange({ ...approver, posts });
  };
  return (
    <li className="approver">
      <div className="approver-head">
        <div>
          <label htmlFor={`${id}-kind`}>{t('editor.approverKind', { n })}</label>
          <select
            id={`${id}-kind`}
            value={approver.kind}
            onChange={(e) => {
              const kind = e.target.value as ApproverKind;
              // One post stays picked when a list becomes a single post; a head of unit names none.
              const posts = kind === 'position' ? approver.posts.slice(0, 1) : kind === 'positions' ? approver.posts : [];
              onChange({ kind, posts });
            }}
          >
            {APPROVER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`editor.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {canRemove ? (
          <button type="button" className="link-button" onClick={onRemove}>
            {t('editor.removeApprover', { n })}
          </button>
        ) : null}
      </div>
      {namesPosts && approver.posts.length ? (
        <ul className="picked-posts" aria-label={t('editor.pickedPosts', { n })}>
          {approver.posts.map((p) => {
            const name = postName(p, titles, (code) => t('editor.byCode', { code }));
            return (
              <li key={`${p.by}-${p.value}`}>
                <span data-testid="picked-post">{name}</span>{' '}
                <button type="button" className="link-button" onClick={() => onChange({ ...approver, posts: approver.posts.filter((x) => x !== p) })}>
                  {t(approver.kind === 'position' ? 'editor.changePost' : 'editor.removePost', { post: name })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {pickerOpen ? <PostSearch id={`${id}-search`} label={t(approver.kind === 'position' ? 'editor.picker.search' : 'editor.picker.add')} onPick={pick} errorId={errorId} /> : null}
      {messages.length ? (
        <p id={errorId} className="field-error" role="alert">
          {messages.join(' ')}
        </p>
      ) : null}
    </li>
  );
}
