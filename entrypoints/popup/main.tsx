import '../../components/page.css';
import './popup.css';
import { render } from 'preact';
import { PopupController } from './PopupController';

// `?tab=<id>` opens the popup for a given tab (as a normal page, e.g. in
// tests); without it the popup serves the active tab of its window.
const tabParam = new URLSearchParams(location.search).get('tab');
render(<PopupController tabId={tabParam === null ? null : Number(tabParam)} />, document.getElementById('app')!);
