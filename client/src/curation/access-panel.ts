/**
 * Write access in the header: a button that says where the reader stands (read-only server, no token,
 * token set) and opens a small form for the API token and the curator's name, both kept for the tab's
 * session only. Also the notice the write forms show: the server is read-only, or a token is needed.
 */
import { access, type AccessSnapshot } from '../api/access';
import { t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';

function stateText(a: AccessSnapshot): string {
  if (a.state === 'read-only') return t('accessReadOnly');
  if (a.tokenRefused) return t('accessTokenRefused');
  return a.hasToken ? t('accessTokenSet') : t('accessNoToken');
}

export class AccessPanel {
  readonly root: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly popup: HTMLDivElement;
  private readonly token: HTMLInputElement;
  private readonly curator: HTMLInputElement;
  private readonly tokenLabel: HTMLLabelElement;
  private readonly curatorLabel: HTMLLabelElement;
  private readonly heading: HTMLHeadingElement;
  private readonly hint: HTMLParagraphElement;
  private readonly save: HTMLButtonElement;
  private readonly forget: HTMLButtonElement;
  private readonly status: HTMLParagraphElement;

  constructor() {
    const popupId = uid('access');
    const tokenId = uid('access-token');
    const curatorId = uid('access-curator');
    this.button = h('button', {
      class: 'button access-button',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': popupId, 'data-action': 'access' },
      on: { click: () => this.toggle() },
    });
    this.heading = h('h2', { class: 'popup-heading' });
    this.hint = h('p', { class: 'hint' });
    this.tokenLabel = h('label', { class: 'field-label', attrs: { for: tokenId } });
    this.token = h('input', {
      id: tokenId,
      attrs: { type: 'password', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'access-token' },
    });
    this.curatorLabel = h('label', { class: 'field-label', attrs: { for: curatorId } });
    this.curator = h('input', {
      id: curatorId,
      attrs: { type: 'text', autocomplete: 'nickname', maxlength: 64, 'data-testid': 'access-curator' },
    });
    this.save = h('button', { class: 'button button-primary', attrs: { type: 'submit', 'data-action': 'save-token' } });
    this.forget = h('button', {
      class: 'button',
      attrs: { type: 'button', 'data-action': 'forget-token' },
      on: {
        click: () => {
          this.token.value = '';
          access.setToken(null);
        },
      },
    });
    this.status = h('p', { class: 'access-status', attrs: { role: 'status', 'data-testid': 'access-status' } });
    const form = h(
      'form',
      {
        class: 'access-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            access.setCurator(this.curator.value);
            if (this.token.value.trim()) access.setToken(this.token.value);
            this.token.value = '';
            this.close(true);
          },
        },
      },
      this.heading,
      this.status,
      this.hint,
      h('div', { class: 'field' }, this.tokenLabel, this.token),
      h('div', { class: 'field' }, this.curatorLabel, this.curator),
      h('div', { class: 'actions' }, this.save, this.forget),
    );
    this.popup = h('div', { id: popupId, class: 'popup access-popup' }, form);
    this.popup.hidden = true;
    this.popup.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close(true);
      }
    });
    this.root = h('div', { class: 'access' }, this.button, this.popup);
    // A press anywhere else closes the form, as a popup should.
    document.addEventListener('pointerdown', (e) => {
      if (!this.popup.hidden && !this.root.contains(e.target as Node)) this.close(false);
    });
    access.subscribe(() => this.render());
    this.render();
  }

  /** Opens the form with the token field focused (a write form's "enter a token" link). */
  open(): void {
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.curator.value = access.snapshot.curator;
    this.token.focus();
  }

  private close(focusButton: boolean): void {
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focusButton) this.button.focus();
  }

  private toggle(): void {
    if (this.popup.hidden) this.open();
    else this.close(false);
  }

  render(): void {
    const a = access.snapshot;
    this.button.textContent = stateText(a);
    this.button.dataset.state = a.state === 'read-only' ? 'read-only' : a.hasToken ? 'token' : 'none';
    this.button.setAttribute('aria-label', `${t('accessLabel')}: ${stateText(a)}`);
    this.heading.textContent = t('accessLabel');
    this.hint.textContent = t('accessHint');
    this.tokenLabel.textContent = t('accessTokenField');
    this.curatorLabel.textContent = t('accessCuratorField');
    this.token.placeholder = a.hasToken ? t('accessTokenKept') : '';
    this.save.textContent = t('accessSave');
    this.forget.textContent = t('accessForget');
    this.forget.disabled = !a.hasToken;
    this.status.textContent =
      a.state === 'read-only' ? `${t('readOnlyNotice')}${a.detail ? ` (${a.detail})` : ''}` : stateText(a);
    this.status.classList.toggle('notice-read-only', a.state === 'read-only');
  }
}

/**
 * The notice above a write form: nothing while writes can go through; the read-only notice when the
 * server takes none; a request for a token (with a button that opens the access form) otherwise.
 */
export function writeNotice(openAccess: () => void): HTMLElement {
  const root = h('div', { class: 'write-notice', attrs: { role: 'status', 'data-testid': 'write-notice' } });
  const render = () => {
    if (!root.isConnected && root.dataset.rendered) {
      stop();
      return;
    }
    root.dataset.rendered = '1';
    const a = access.snapshot;
    if (a.state === 'read-only') {
      root.className = 'write-notice notice-read-only';
      root.dataset.state = 'read-only';
      replaceChildren(root, t('readOnlyNotice'), a.detail ? ` (${a.detail})` : null);
    } else if (!a.hasToken || a.tokenRefused) {
      root.className = 'write-notice notice-token';
      root.dataset.state = a.tokenRefused ? 'token-refused' : 'no-token';
      replaceChildren(
        root,
        a.tokenRefused ? t('accessTokenRefused') : t('tokenNeeded'),
        ' ',
        h(
          'button',
          { class: 'link-button', attrs: { type: 'button', 'data-action': 'open-access' }, on: { click: openAccess } },
          t('enterToken'),
        ),
      );
    } else {
      root.className = 'write-notice';
      root.dataset.state = 'ok';
      replaceChildren(root);
    }
  };
  const stop = access.subscribe(render);
  render();
  return root;
}
