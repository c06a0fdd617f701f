import '../../components/page.css';
import './options.css';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { OptionsController } from './OptionsController';

document.title = t('options.title');
render(<OptionsController browserName={import.meta.env.FIREFOX ? 'firefox' : 'chrome'} />, document.getElementById('app')!);
